# assert
assert True
assert 1 == 1, 'not shown'
try:
    assert False
except AssertionError as e:
    print('AssertionError', repr(e), e.args)
try:
    assert 1 > 2, 'one is not greater'
except AssertionError as e:
    print('AssertionError', e)
try:
    x = []
    assert x, f'empty list {x}'
except AssertionError as e:
    print(e)
try:
    assert 0, ('tuple', 1)
except AssertionError as e:
    print(e.args)
