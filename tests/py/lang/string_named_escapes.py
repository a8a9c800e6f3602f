# \N{name} in string literals: every Unicode 14 name (case-insensitive), the
# aliases, the names made by rule (case-sensitive, as CPython's), and the
# errors with CPython's positions.
print(ascii('\N{BULLET}\N{bullet}\N{Em Dash}\N{NUL}\N{LINE FEED}\N{BYTE ORDER MARK}'))
print(ascii('\N{GRINNING FACE}\N{CJK UNIFIED IDEOGRAPH-4E00}\N{CJK UNIFIED IDEOGRAPH-20000}'))
print(ascii('\N{HANGUL SYLLABLE GAG}\N{HANGUL SYLLABLE HIH}\N{cjk compatibility ideograph-f900}'))
print(ascii('\N{TIBETAN MARK TSA -PHRU}\N{LATIN CAPITAL LETTER GHA}\N{KHITAN SMALL SCRIPT CHARACTER-18B00}'))
print(ascii(f'{1}\N{EURO SIGN}{2}'), ascii(r'\N{EURO SIGN}'), ascii(rb'\N{X}'))
for src in ["'\\N{nosuch}'", "'ab\\N{BULLET '", "'\\N{ BULLET}'", "'\\N{BULLET  X}'",
            "'\\N{}'", "'x\\N'", "'\\Nx'", "'\\N{KEYCAP DIGIT ONE}'", "b'\\N{BULLET}'",
            "'\\N{CJK UNIFIED IDEOGRAPH-04E00}'", "'\\N{CJK UNIFIED IDEOGRAPH-4e00}'",
            "'\\N{cjk unified ideograph-4E00}'", "'\\N{CJK UNIFIED IDEOGRAPH-4DFF}'",
            "'\\N{HANGUL SYLLABLE gag}'", "'\\N{HANGUL SYLLABLE }'", "'\\N{TANGUT IDEOGRAPH-17000}'",
            "'\\N{BULLET}\\N{bad name}'"]:
    try:
        print(src, ascii(eval(src)))
    except SyntaxError as e:
        print(src, 'SyntaxError', e)
