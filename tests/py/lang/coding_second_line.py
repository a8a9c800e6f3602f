#!/usr/bin/env python3
# vim: set fileencoding=iso-8859-1 :
# the cookie on the second line counts when the first is only a comment
print("¿qué?", len("¿qué?"))
