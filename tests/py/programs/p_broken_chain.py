# Exception raised while handling another: both appear, the last line is the new one.
class ParseError(Exception):
    pass

def parse_int(s):
    try:
        return int(s)
    except ValueError as e:
        raise ParseError(f"bad number: {s!r}") from e

values = ["10", "20", "thirty"]
total = 0
for v in values:
    n = parse_int(v)
    total += n
    print("running total", total)
