# -*- coding: latin-1 -*-
# PEP 263: the source is decoded from the encoding its first line declares
# (this file is Latin-1: the byte 0xE9 is an e with an acute accent).
import _coding_latin1_mod

s = "café à la crème"
print(s, len(s), ascii(s))
naïve = "ÿþ©"
print(naïve, [hex(ord(c)) for c in naïve])
print(_coding_latin1_mod.greeting, _coding_latin1_mod.déjà)
print(b"\xe9" == "é".encode("latin-1"), r"é\x41", f"{s!r:>20}")
