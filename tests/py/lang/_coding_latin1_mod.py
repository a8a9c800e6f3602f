#!/usr/bin/env python3
# vim: set fileencoding=iso-8859-1 :
greeting = "grüß dich"
déjà = "déjà vu"
