"""The sample data files, installed as the package ``hoptac_cli.sample_data`` (see pyproject.toml)."""
