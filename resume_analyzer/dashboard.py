"""The dashboard page (/): a few owner-scoped counts, each contributed by the app that owns it.

The project layer imports no app here: each app registers its panel in its AppConfig.ready()
with `panel_register`, and the page renders the registered panels in `position` order.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


@dataclass(frozen=True)
class Panel:
    label: str
    href: str
    position: int
    count: Callable[[object], int]  # the user's own rows only


_panels: dict[str, Panel] = {}


def panel_register(*, label: str, href: str, position: int, count: Callable[[object], int]) -> None:
    """Add (or replace, by label: ready() may run again in tests) a dashboard panel."""
    _panels[label] = Panel(label=label, href=href, position=position, count=count)


def dashboard_panels(user) -> list[dict]:
    panels = sorted(_panels.values(), key=lambda panel: panel.position)
    return [{"label": p.label, "value": p.count(user), "href": p.href} for p in panels]


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    return render(request, "dashboard.html", {"panels": dashboard_panels(request.user)})
