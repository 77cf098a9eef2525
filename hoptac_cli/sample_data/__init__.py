"""The sample data files (the package ``hoptac_cli.sample_data``; see README.md here for their sources)."""
