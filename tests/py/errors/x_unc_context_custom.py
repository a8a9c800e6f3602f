class AppError(Exception):
    def __str__(self): return "custom str " + str(self.args)
try:
    {}["missing"]
except KeyError:
    raise AppError(1, "two")
