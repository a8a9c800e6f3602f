# comment
x = 1  # trailing

   # indented comment
def f():
    # inside
    pass
        # deeper comment

y = 2
