"""tests/plugins holds modules that register measures when imported: pytest must not import
them while collecting doctests (that would register them in every test's process)."""

collect_ignore_glob = ["*.py"]
