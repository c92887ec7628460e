# The stories' languages and translation groups are filled (0015): now required, in a
# transaction of their own (PostgreSQL alters no table with rows updated in the same one).

import masthead.newsroom.models
import uuid
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('newsroom', '0015_languages'),
    ]

    operations = [
        migrations.AlterField(
            model_name='article',
            name='language',
            field=models.CharField(choices=[('en', 'English'), ('es', 'Español')], db_index=True, default=masthead.newsroom.models.default_story_language, max_length=16),
        ),
        migrations.AlterField(
            model_name='article',
            name='translation_group',
            field=models.UUIDField(db_index=True, default=uuid.uuid4, editable=False),
        ),
        migrations.AddConstraint(
            model_name='article',
            constraint=models.UniqueConstraint(fields=('translation_group', 'language'), name='one_translation_per_language'),
        ),
    ]
