# The carets under a SyntaxError's text end at its end_offset, at most at the end
# of the text (its newline counts).
import sys
for args in [("bad.py", 1, 2, "abcdefg", 1, 100), ("bad.py", 1, 2, "abcdefg", 1, 7), ("bad.py", 1, 2, "abcdefg", 1, 8), ("bad.py", 1, 2, "abcdefg\n", 1, 9)]:
    e = SyntaxError("bad bad", args)
    sys.stderr = sys.stdout
    sys.__excepthook__(SyntaxError, e, None)
    sys.stderr = sys.__stderr__
