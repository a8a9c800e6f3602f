# Parsing numbers typed by users from many locales and keyboards.
inputs = ["42", " 7 ", "-0", "+15", "1_000", "١٢٣", "۴۵", "１２３", "\u00a0 99\u2003",
          "3.5", "1e3", "0x1F", "², ", "12abc", "", "९८७६", "x" * 250]

def parse(text):
    for conv in (int, float):
        try:
            return conv(text)
        except ValueError as e:
            last = e
    return f"error: {str(last)[:60]}{'...' if len(str(last)) > 60 else ''} ({len(str(last))})"

for s in inputs:
    print(f"{s[:12]!r:16} -> {parse(s)!r}")
print(int("٣٤", 8), int("１０", 16), float("  ３.２５e１  "), int("٠b١٠١", 0) if False else "")
print(int(" -१२ "), float("-١.٥"), sum(int(d) for d in "١٢٣٤"))
print("ﬃ ﬄ ﬆ".upper(), "ﬃx".title(), "ß".upper(), "straße".casefold())
