# String literal forms
print('single', "double", '''triple single''', """triple double""")
print('it\'s', "say \"hi\"", 'mixed "quotes"', "it's")
print("""multi
line
string""")
print('''a 'b' "c" ''')
print(r'raw \n stays', R"raw \t too", r'\\')
print('adjacent' ' literals' " join")
s = ('implicit '
     'concat '
     'across lines')
print(s)
print(len(''), len(""), len(''''''), repr(''))
print('\u00e9', '\N{LATIN SMALL LETTER E WITH ACUTE}' if False else 'e', '\x41\x42', '\101')
print(repr('tab\there'), repr("nl\n"), repr('\\'), repr('\''), repr("\""), repr('\'"'))
print('caf\u00e9', len('caf\u00e9'), '\U0001F600' == '\U0001f600')
print(repr('\x00\x01\x7f'), repr('\r\x0b\x0c'))
print(u'unicode prefix')
