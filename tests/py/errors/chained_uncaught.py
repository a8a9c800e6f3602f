# uncaught chained exception: "The above exception was the direct cause..."
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError('parse failed') from e
print('start')
parse('x')
