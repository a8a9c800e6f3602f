import _circ_a
B = 'b'
