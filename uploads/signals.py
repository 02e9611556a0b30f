from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from uploads.models import Upload


@receiver(post_delete, sender=Upload, dispatch_uid="uploads.delete_stored_file")
def delete_stored_file(sender, instance: Upload, **kwargs) -> None:
    """Also covers cascades (a deleted user); after commit, so a rollback keeps the file."""
    name, storage = instance.file.name, instance.file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))
