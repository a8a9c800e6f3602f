# test: path=_extra
-I -c "import extra_mod"
