# \N{...} knows every Unicode 14.0 character name (CPython 3.11's), its aliases,
# and the computed CJK and Hangul names, with CPython's matching rules and errors.
print("\N{LATIN SMALL LETTER A}\N{latin capital letter b}\N{Greek Small Letter Pi}")
print(ascii("\N{SNOWMAN} \N{PILE OF POO} \N{EM DASH} \N{NO-BREAK SPACE} \N{BOM} \N{NBSP} \N{ZWJ}"))
print(f"{1}\N{RIGHTWARDS ARROW}{2}", r"\N{SPACE}", b"\N{SPACE}", "\\N{SPACE}")
print(ascii(f"\N{LEFT CURLY BRACKET}{'x'}\N{RIGHT CURLY BRACKET}"))
tests = ['cjk unified ideograph-4e00', 'CJK UNIFIED IDEOGRAPH-4e0a', 'CJK UNIFIED IDEOGRAPH-4E0A', 'CJK UNIFIED IDEOGRAPH-04E0A', 'CJK UNIFIED IDEOGRAPH-2B738','CJK UNIFIED IDEOGRAPH-2B739', 'hangul syllable gag', 'HANGUL SYLLABLE gag', 'HANGUL SYLLABLE A', 'HANGUL SYLLABLE GA', 'Latin Small Letter A', 'LATIN  SMALL LETTER A', ' LATIN SMALL LETTER A', 'LATIN SMALL LETTER A ', 'TIBETAN MARK TSA -PHRU', 'TIBETAN MARK BKA- SHOG GI MGO RGYAN', 'LATIN SMALL LETTER \xc9', 'hangul syllable', 'HANGUL SYLLABLE ', 'CJK UNIFIED IDEOGRAPH-', 'ZERO WIDTH SPACE', 'BOM', 'ZWNBSP', 'LATIN CAPITAL LETTER GHA', 'NBSP', 'SPACE', 'BEL', 'BELL', 'ALERT', 'SHY', 'HANGUL JUNGSEONG O-E', 'CJK COMPATIBILITY IDEOGRAPH-2F800', 'HANGUL SYLLABLE GAGG', 'HANGUL SYLLABLE GAGS']
for t in tests:
    try: print(repr(t), hex(ord(eval('"\\N{' + t + '}"'))))
    except SyntaxError as e: print(repr(t), type(e).__name__, e.msg)
tests2 = ['hangul syllable GAG', 'Hangul Syllable GA', 'HANGUL SYLLABLE GA ', 'HANGUL SYLLABLE GAX', 'CJK UNIFIED IDEOGRAPH-4E00 ', 'CJK UNIFIED IDEOGRAPH-4E00X', 'CJK UNIFIED IDEOGRAPH-4E0', 'CJK UNIFIED IDEOGRAPH-0004E00', 'CJK UNIFIED IDEOGRAPH-F900', 'Cjk Unified Ideograph-4E00', 'cjk compatibility ideograph-f900', 'cjk compatibility ideograph-F900', 'null', 'Null', 'nul', 'A' * 300, 'SPACE\x01']
for t in tests2:
    try: print(repr(t[:40]), hex(ord(eval('"\\N{' + t + '}"'))))
    except SyntaxError as e: print(repr(t[:40]), 'SyntaxError', e.msg[-40:])
    except ValueError as e: print(repr(t[:40]), 'ValueError', e)
for src in ['"é\\xZZ"', '"éé\\N{NOPE}"', '"é\\N{LATIN SMALL LETTER É}"', '"\\N{É}"', '"ab\\UFFFFFFFF"', '"ü\\u12"', 'b"\\xZ"', '"\\N"', '"\\N{"', '"é\\N{"']:
    try: print(src, ascii(eval(src)))
    except SyntaxError as e: print(src, e.msg)
for src in ['"\0"', 'x = "\0"']:
    for f in (eval, exec, lambda s: compile(s, 'f', 'exec'), lambda s: compile(s.encode(), 'f', 'exec')):
        try: f(src)
        except (SyntaxError, ValueError) as e: print(type(e).__name__, e)
