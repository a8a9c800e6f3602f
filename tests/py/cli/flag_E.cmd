# test: path=_extra
-E -c "import sys; print(any(p.endswith(\"_extra\") for p in sys.path))"
