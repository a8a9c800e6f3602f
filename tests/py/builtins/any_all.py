# any and all
print(any([]), all([]), any([0, '', None]), any([0, 1]), all([1, 'a', [0]]), all([1, 0]), any('x'), all(''))
def gen():
    for v in [0, 1, 2]:
        print('yield', v)
        yield v
print(any(gen()))
print(all(gen()))
print(any(x > 3 for x in range(5)), all(x < 5 for x in range(5)), any({0: 'a'}), all({1: 0}))
