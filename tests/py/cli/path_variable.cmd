# test: path=_extra
-c "import extra_mod; print(extra_mod.VALUE)"
