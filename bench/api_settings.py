"""Settings for bench/api.py's daphne: the product's settings, plus one bare view (bench/api_urls.py)."""

from resume_analyzer.settings import *  # noqa: F403

ROOT_URLCONF = "bench.api_urls"
