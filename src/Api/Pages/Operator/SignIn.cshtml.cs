using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Total.Api.Operator;

namespace Total.Api.Pages.Operator;

/// <summary>Operators enter the operator key once to open the Orleans dashboard in a browser (see <see cref="OperatorBrowserSession"/>).</summary>
public sealed class SignInModel(OperatorKey operatorKey, ILogger<SignInModel> logger) : PageModel
{
    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnPost(string? key)
    {
        if (!operatorKey.Matches(key))
        {
            logger.LogWarning("Operator sign-in refused: wrong key");
            Problem = "That is not the operator key.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        OperatorBrowserSession.Issue(HttpContext);
        return Redirect(OperatorDashboard.Path + "/");
    }
}
