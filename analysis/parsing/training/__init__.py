"""Annotated training data for the learned extractor (analysis/parsing/learned/).

dotin/ holds 308 real resumes with human entity annotations (CC0, LICENSE beside them);
dotin.py loads them and splits them deterministically into train and dev.
"""
