LINES = [(0, 1, 2), (3, 4, 5), (6, 7, 8), (0, 3, 6), (1, 4, 7), (2, 5, 8), (0, 4, 8), (2, 4, 6)]

def winner(b):
    for a, c, d in LINES:
        if b[a] != " " and b[a] == b[c] == b[d]:
            return b[a]
    return None

def show(b):
    rows = [" | ".join(b[i:i + 3]) for i in range(0, 9, 3)]
    print("\n---------\n".join(rows))

def minimax(b, player, memo={}):
    key = ("".join(b), player)
    if key in memo:
        return memo[key]
    w = winner(b)
    if w:
        return (1 if w == "X" else -1), None
    if " " not in b:
        return 0, None
    best = None
    for i in range(9):
        if b[i] == " ":
            b[i] = player
            score, _ = minimax(b, "O" if player == "X" else "X")
            b[i] = " "
            if best is None or (player == "X" and score > best[0]) or (player == "O" and score < best[0]):
                best = (score, i)
    memo[key] = best
    return best

board = list("X O  O  X".ljust(9))
print(repr("".join(board)))
show(board)
print("best for X:", minimax(board, "X"))
board = [" "] * 9
player = "X"
moves = []
while winner(board) is None and " " in board:
    _, move = minimax(board, player)
    board[move] = player
    moves.append((player, move))
    player = "O" if player == "X" else "X"
print(moves)
show(board)
print("result:", winner(board) or "draw")
print("positions evaluated:", len(minimax.__defaults__[0]))
scores = {}
for i in range(9):
    b = [" "] * 9
    b[i] = "X"
    scores[i] = minimax(b, "O")[0]
print(scores)
