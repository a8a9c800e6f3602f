# A SyntaxError in the main script: the whole file fails to compile, exit 1.
print('never printed')
def f(:
    pass
