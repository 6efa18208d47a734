"""The citizen's rights: the right-of-access package (``access_export``) and deletion of
closed cases past the retention period (``deletion``). ``tables`` says which tables hold
a citizen's data and how each reaches the citizen; tests derive the same from the schema.
"""
