using Total.Scim.Errors;

namespace Total.Api.Scim;

/// <summary>Protocol errors raised while reading a request (bad filter, bad paging) become SCIM error bodies.</summary>
public sealed class ScimExceptionFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ScimException exception)
        {
            return ScimResults.Error(exception);
        }
    }
}
