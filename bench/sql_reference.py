"""Run a SQL script with named parameters and print its rows as CSV: the stand-in for the
``sqlite3`` shell when it is not installed (``bench/run.py`` says which one it used).

    python bench/sql_reference.py FILE.db SCRIPT.sql [name=value ...]     (value NULL for NULL)
"""

import csv
import sqlite3
import sys


def main() -> None:
    db, script, *pairs = sys.argv[1:]
    params = {}
    for pair in pairs:
        name, _, value = pair.partition("=")
        params[name] = None if value == "NULL" else value
    with open(script, encoding="utf-8") as source:
        sql = source.read()
    cursor = sqlite3.connect(db).execute(sql, params)
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(column[0] for column in cursor.description)
    writer.writerows(cursor)


if __name__ == "__main__":
    main()
