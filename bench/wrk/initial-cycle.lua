-- Entra's initial provisioning cycle as wrk drives it (bench/README.md, "Initial-cycle mix").
-- Per user, in order, one request at a time on one connection:
--   GET  /Users?filter=userName eq "…"   -> 200, totalResults 0
--   POST /Users (core + enterprise schemas, externalId GUID, typed work email, name, title, department) -> 201
--   PATCH /Users/{id} Replace title        -> 200
-- Run with as many threads as connections (wrk -tN -cN): a wrk thread's Lua state is then one connection's
-- state, so each PATCH targets the user its own POST created.
-- Script arguments: the tenants file (one "<scim base path> <secret token>" per line) and a run tag that keeps
-- userNames unique across runs against the same store.

local enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
local titles = { "Security Analyst", "Lead Analyst", "Engineer", "Senior Engineer", "Manager", "Director" }
local departments = { "SOC", "Red Team", "IT", "Finance", "Sales", "Engineering" }

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("index", counter)
  table.insert(threads, thread)
end

local tenants = {}
local base, auth, tag
local step, serial, userName, userId = 0, 0, nil, nil
-- Outcomes this thread saw; read by done() through thread:get.
checks_failed, unexpected, first_unexpected = 0, 0, nil
lookups, creates, patches = 0, 0, 0

function init(args)
  for line in io.lines(args[1]) do
    local path, token = line:match("^(%S+)%s+(%S+)$")
    if path then table.insert(tenants, { path = path, token = token }) end
  end
  tag = args[2] or "r"
  local tenant = tenants[((index - 1) % #tenants) + 1]
  base = tenant.path
  auth = "Bearer " .. tenant.token
  math.randomseed(index)
end

local function guid()
  return string.format("%08x-%04x-4%03x-%04x-%012x", math.random(0, 0xffffffff), math.random(0, 0xffff),
    math.random(0, 0xfff), math.random(0x8000, 0xbfff), math.random(0, 0xffffffffffff))
end

local function escape(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function request()
  if step == 0 then
    serial = serial + 1
    userName = string.format("user.%s.%d.%d@contoso.example", tag, index, serial)
    return wrk.format("GET", base .. "/Users?filter=" .. escape('userName eq "' .. userName .. '"'),
      { ["Authorization"] = auth })
  elseif step == 1 then
    local given, family = "Ada", "Lovelace" .. serial
    local body = '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","' .. enterprise .. '"],'
      .. '"externalId":"' .. guid() .. '","userName":"' .. userName .. '","active":true,'
      .. '"displayName":"' .. given .. " " .. family .. '",'
      .. '"emails":[{"primary":true,"type":"work","value":"' .. userName .. '"}],"meta":{"resourceType":"User"},'
      .. '"name":{"formatted":"' .. given .. " " .. family .. '","familyName":"' .. family .. '","givenName":"' .. given .. '"},'
      .. '"title":"' .. titles[(serial % #titles) + 1] .. '",'
      .. '"' .. enterprise .. '":{"department":"' .. departments[(serial % #departments) + 1] .. '","employeeNumber":"' .. serial .. '"},'
      .. '"roles":[]}'
    return wrk.format("POST", base .. "/Users",
      { ["Authorization"] = auth, ["Content-Type"] = "application/scim+json" }, body)
  else
    local body = '{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"title","value":"'
      .. titles[((serial + 1) % #titles) + 1] .. '"}]}'
    return wrk.format("PATCH", base .. "/Users/" .. userId,
      { ["Authorization"] = auth, ["Content-Type"] = "application/scim+json" }, body)
  end
end

local function refuse(status, body)
  unexpected = unexpected + 1
  if first_unexpected == nil then first_unexpected = step .. " " .. status .. " " .. string.sub(body or "", 1, 300) end
end

function response(status, headers, body)
  if step == 0 then
    lookups = lookups + 1
    if status ~= 200 then refuse(status, body); return end
    if not body:find('"totalResults":0', 1, true) then checks_failed = checks_failed + 1 end
    step = 1
  elseif step == 1 then
    creates = creates + 1
    if status ~= 201 then refuse(status, body); step = 0; return end
    userId = body:match('"id":"([^"]+)"')
    if userId == nil then checks_failed = checks_failed + 1; step = 0; return end
    step = 2
  else
    patches = patches + 1
    if status ~= 200 then refuse(status, body) end
    step = 0
  end
end

function done(summary, latency, requests)
  local failed, bad, first = 0, 0, nil
  local l, c, p = 0, 0, 0
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("checks_failed")
    bad = bad + thread:get("unexpected")
    l = l + thread:get("lookups"); c = c + thread:get("creates"); p = p + thread:get("patches")
    first = first or thread:get("first_unexpected")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format('WRK_JSON {"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.2f,"p95_ms":%.2f,"p99_ms":%.2f,"max_ms":%.2f,'
    .. '"socket_errors":%d,"non_2xx":%d,"unexpected":%d,"checks_failed":%d,"lookups":%d,"creates":%d,"patches":%d,"first_unexpected":%q}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, bad, failed, l, c, p, first or ""))
end
