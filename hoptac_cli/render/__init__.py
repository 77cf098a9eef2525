"""Rendering: Rich tables for people, JSON and CSV for scripts, files for spreadsheets and documents."""
