from hoptac_cli.cli import main

main()
