a = 'single' "double" """triple
lines""" '''tri'''
b = r'raw\n' R"RAW\t" + rb'x\y' Br'z' bR"q" + u'unicode' U"x"
c = b'bytes\x00\xff\n' b"\101\7"
d = '\n\t\\\'\"\a\b\f\v\0\101\x41\u0041\U0001F600\N{EM DASH}'
e = 'unknown \d escape'
f = "кириллица ünïcödé 中文 😀"
g = 'it\'s' + "say \"hi\"" + 'both \' and "'
h = """a
b\
c"""
i = '\x7f\x80\xa0\xad\u2028\ud800'
j = b'\x7f\x80 \t\r'
