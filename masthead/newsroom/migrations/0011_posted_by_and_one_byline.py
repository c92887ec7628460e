"""One byline as the paper prints it: the account that posted a story is no longer shown to
readers as "Writer", so a story that had only that account (imported or old stories with no
byline of their own) gets it as its byline, and keeps printing a name."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Exists, OuterRef

BATCH = 2000


def sign_unsigned_stories(apps, schema_editor):
    Article = apps.get_model("newsroom", "Article")
    Byline = apps.get_model("newsroom", "Byline")
    unsigned = (
        Article.objects.filter(writer__isnull=False, byline_text="")
        .exclude(Exists(Byline.objects.filter(article=OuterRef("pk"))))
        .order_by("pk")
        .values_list("pk", "writer_id")
    )
    last = 0
    while rows := list(unsigned.filter(pk__gt=last)[:BATCH]):
        Byline.objects.bulk_create(
            Byline(article_id=pk, author_id=writer_id, position=0) for pk, writer_id in rows
        )
        last = rows[-1][0]


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0010_reader_list_indexes"),
    ]

    operations = [
        migrations.AlterField(
            model_name="article",
            name="writer",
            field=models.ForeignKey(
                blank=True,
                help_text="Who posted the story, for the newsroom; readers see the byline only.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="newsroom.author",
                verbose_name="posted by",
            ),
        ),
        migrations.RunPython(sign_unsigned_stories, migrations.RunPython.noop),
    ]
