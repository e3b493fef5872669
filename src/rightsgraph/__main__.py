from rightsgraph.cli import cli

cli()
