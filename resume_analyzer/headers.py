"""Response headers for what Django's middleware does not answer itself. Plain Python: settings.py
imports it before Django is set up."""


def static_headers(headers, path: str, url: str) -> None:
    """WHITENOISE_ADD_HEADERS_FUNCTION: static files get the pages' headers that SecurityMiddleware
    does not add (it adds nosniff, Referrer-Policy, COOP and, with HTTPS, HSTS to them too)."""
    headers["X-Frame-Options"] = "DENY"
