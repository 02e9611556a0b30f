"""Pages: candidate search (/candidates/search), openings (/openings), an opening's requirements
and ranked shortlist (/openings/<id>), its export, and the comparison of 2-4 candidates."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from analysis.matching.api import shortlist_export
from analysis.matching.candidates import DEGREE_CHOICES, DEGREE_ORDER, candidate_cards
from analysis.matching.exports import CONTENT_TYPES
from analysis.matching.params import search_params
from analysis.matching.search import candidate_search
from analysis.matching.selectors import (
    comparison,
    opening_for_owner,
    openings_for_owner,
    parse_upload_ids,
    profiles_of,
    shortlist,
)
from analysis.matching.services import opening_create, opening_delete, opening_update
from resume_analyzer.errors import NotFound, Rejected
from resume_analyzer.pages import form_error, page_message

SHORTLIST_PAGE = 50


def segments(text: str, ranges: list) -> list[tuple[str, bool]]:
    """The snippet as (text, marked) pieces; the template escapes each, so a resume's text can
    never become markup."""
    pieces, at = [], 0
    for start, end in ranges:
        if start > at:
            pieces.append((text[at:start], False))
        pieces.append((text[start:end], True))
        at = end
    if at < len(text):
        pieces.append((text[at:], False))
    return pieces


@login_required
@require_safe
def search_page(request: HttpRequest) -> HttpResponse:
    context: dict = {"degrees": DEGREE_CHOICES, "values": request.GET, "searched": bool(request.GET)}
    if request.GET:
        try:
            params = search_params(request.GET)
        except Rejected as exc:
            context["error"] = page_message(exc)
        else:
            outcome = candidate_search(user=request.user, text=params.text, facets=params.facets, limit=params.limit)
            cards = candidate_cards([result.job_id for result in outcome.results])
            context["results"] = [
                {"hit": result, "card": cards[result.job_id], "snippet": segments(result.snippet, result.highlights)}
                for result in outcome.results
                if result.job_id in cards
            ]
            context["total"] = outcome.total_candidates
            context["skills_filter"] = list(params.facets.skills)
    return render(request, "matching/search.html", context)


class OpeningForm(forms.Form):
    title = forms.CharField(max_length=200)
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 10}), required=False,
                                  help_text="Paste the job description, or upload it below")  # fmt: skip
    file = forms.FileField(required=False, help_text="PDF or DOCX, up to 10 MB")


@login_required
def openings_page(request: HttpRequest) -> HttpResponse:
    form = OpeningForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            opening = opening_create(
                owner=request.user,
                title=form.cleaned_data["title"],
                description=form.cleaned_data["description"],
                uploaded=form.cleaned_data["file"],
            )
        except Rejected as exc:
            form_error(form, exc)
        else:
            messages.success(request, "Opening created; check the requirements read from it.")
            return redirect("matching-opening", opening_id=opening.id)
    return render(request, "matching/openings.html", {"form": form, "openings": openings_for_owner(user=request.user)})


class RequirementsForm(forms.Form):
    required_skills = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}),
                                      help_text="Comma-separated")  # fmt: skip
    preferred_skills = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}),
                                       help_text="Comma-separated")  # fmt: skip
    min_years = forms.FloatField(required=False, min_value=0, max_value=60, label="Minimum years")
    degree_level = forms.ChoiceField(required=False, choices=[("", "None")] + [(d, d) for d in DEGREE_ORDER],
                                     label="Degree level")  # fmt: skip
    location = forms.CharField(required=False, max_length=200)

    @staticmethod
    def initial_from(requirements: dict) -> dict:
        return {
            **requirements,
            "required_skills": ", ".join(requirements.get("required_skills") or []),
            "preferred_skills": ", ".join(requirements.get("preferred_skills") or []),
        }

    def requirements(self) -> dict:
        data = self.cleaned_data
        split = lambda value: [part.strip() for part in value.split(",") if part.strip()]  # noqa: E731
        return {
            "required_skills": split(data["required_skills"]),
            "preferred_skills": split(data["preferred_skills"]),
            "min_years": data["min_years"],
            "degree_level": data["degree_level"] or None,
            "location": data["location"].strip() or None,
        }


@login_required
def opening_page(request: HttpRequest, opening_id: int) -> HttpResponse:
    opening = opening_for_owner(user=request.user, opening_id=opening_id)
    form = RequirementsForm(request.POST or None, initial=RequirementsForm.initial_from(opening.requirements))
    if request.method == "POST" and form.is_valid():
        try:
            opening_update(opening=opening, requirements=form.requirements())
        except Rejected as exc:
            form_error(form, exc)
        else:
            messages.success(request, "Requirements saved; the shortlist is ranked by them.")
            return redirect("matching-opening", opening_id=opening.id)
    ranked = shortlist(opening=opening, limit=SHORTLIST_PAGE)
    return render(request, "matching/opening.html", {"opening": opening, "form": form, "ranked": ranked})


@login_required
@require_POST
def opening_delete_page(request: HttpRequest, opening_id: int) -> HttpResponse:
    opening_delete(opening=opening_for_owner(user=request.user, opening_id=opening_id))
    messages.success(request, "Opening deleted.")
    return redirect("matching-openings")


@login_required
@require_safe
def opening_export_page(request: HttpRequest, opening_id: int, kind: str) -> HttpResponse:
    opening = opening_for_owner(user=request.user, opening_id=opening_id)
    if kind not in CONTENT_TYPES:
        raise NotFound("Not found")
    return shortlist_export(opening, kind, 1000)


@login_required
@require_safe
def compare_page(request: HttpRequest, opening_id: int) -> HttpResponse:
    opening = opening_for_owner(user=request.user, opening_id=opening_id)
    try:
        ids = parse_upload_ids(request.GET.getlist("candidates"))
    except Rejected as exc:
        messages.error(request, page_message(exc))
        return redirect("matching-opening", opening_id=opening.id)
    ranked = comparison(opening=opening, upload_ids=ids)
    profiles = profiles_of([item.fit.job_id for item in ranked])
    skills = [*opening.requirements.get("required_skills", []), *opening.requirements.get("preferred_skills", [])]
    required = set(opening.requirements.get("required_skills", []))
    columns = []
    for item in ranked:
        matched = {m.skill: m for m in [*item.fit.required_matched, *item.fit.preferred_matched]}
        columns.append({"item": item, "profile": profiles[item.fit.job_id], "matched": matched})
    matrix = [
        {"skill": skill, "required": skill in required, "cells": [column["matched"].get(skill) for column in columns]}
        for skill in skills
    ]
    return render(request, "matching/compare.html", {"opening": opening, "columns": columns, "matrix": matrix})
