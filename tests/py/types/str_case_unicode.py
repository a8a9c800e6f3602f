# str case mappings from the Unicode database: full mappings (SpecialCasing), folding (CaseFolding), Georgian, Cherokee, titlecase
tests = ['Straße', 'ǰ', 'ΐ', 'ﬁx', 'İstanbul', 'ΣΑΣ ΣΟΦΟΣ', 'ǅemal', 'ᾈ', 'ΌΣΟΣ', 'ԱԲ', 'ⓐⓑ', 'Ⅻ', 'ꭰ', 'Ꭰ', 'ᏸ', 'ᲀ', 'Ა', 'ა', 'ŉ', '𐐀𐐨', '𞤀', 'ß'*3, 'ﬀ ﬃ', 'ΣΣ', 'aΣ', 'Σa', 'a Σ.', "a'Σ"]
for t in tests:
    print(ascii(t), ascii(t.upper()), ascii(t.lower()), ascii(t.title()), ascii(t.casefold()), ascii(t.swapcase()), ascii(t.capitalize()), t.isupper(), t.islower(), t.istitle())
rows = []
for cp in list(range(0x80, 0x2D00, 5)) + list(range(0x2D00, 0x20000, 61)) + [0x1E900, 0x1E921, 0x10400, 0x10428, 0x16E40, 0x16E60]:
    c = chr(cp)
    rows.append('%X:%s' % (cp, ascii(c.upper() + c.lower() + c.title() + c.casefold())))
for i in range(0, len(rows), 6):
    print(' '.join(rows[i:i + 6]))
