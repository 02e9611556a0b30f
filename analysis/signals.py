from django.dispatch import Signal

# Sent after commit whenever a job's status or progress changes, with plain values only:
# job_id (str), owner_id (int), status (str), progress (int). The chat pushes it to the owner's
# open tabs; analysis does not know who listens.
job_changed = Signal()
