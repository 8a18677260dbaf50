"""The archive: every record gathered into one cross-reference graph, and its checks."""
