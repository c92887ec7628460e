"""Fill the reference site: a home page, the ~700-word storm-surge article with a hero photo,
3 tags and 10 comments, and 5 more articles for "Recent posts". Prints the article's path."""

import io
import random
from datetime import timedelta

from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Page, Site

from articles.models import ArticlePage, Comment, HomePage

WORDS = (
    "harbor council water surge street residents flood city night morning pumps district "
    "seawall crews power boats families shelter mayor emergency storm wind tide said "
    "bulkhead repairs neighbors basement road closed officials weather report insurance "
    "volunteers school ferry damage homes warning hours drains forecast coast engineers"
).split()
HEADLINE = "Storm surge floods lower harbor district as seawall repairs lag"


def paragraphs(rng: random.Random, count: int, words: int) -> str:
    out = []
    for _ in range(count):
        text = " ".join(rng.choice(WORDS) for _ in range(words))
        out.append(f"<p>{text[0].upper()}{text[1:]}.</p>")
    return "".join(out)


def hero_photo() -> Image:
    picture = PILImage.linear_gradient("L").resize((1600, 1000)).convert("RGB")
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=85)
    return Image.objects.create(
        title="Flooded street", file=ImageFile(io.BytesIO(buffer.getvalue()), name="surge.jpg")
    )


class Command(BaseCommand):
    help = "Fill the reference Wagtail site with the benchmark's article."

    def handle(self, *args, **options):
        rng = random.Random(11)
        root = Page.get_first_root_node()
        for child in root.get_children():
            child.delete()
        home = root.add_child(instance=HomePage(title="Gullhaven Gazette", slug="home"))
        Site.objects.all().delete()
        Site.objects.create(hostname="127.0.0.1", port=80, root_page=home, is_default_site=True)

        now = timezone.now()
        for number in range(5):
            home.add_child(
                instance=ArticlePage(
                    title=f"Council weighs ferry timetable change {number + 1}",
                    slug=f"ferry-timetable-{number + 1}",
                    byline="Staff reporter",
                    published=now - timedelta(days=number + 1),
                    body=paragraphs(rng, 8, 40),
                )
            )
        article = home.add_child(
            instance=ArticlePage(
                title=HEADLINE,
                slug="storm-surge-floods-lower-harbor-district",
                byline="Marta Okafor",
                published=now,
                standfirst="Seawater topped the bulkhead before dawn; pumps ran until noon.",
                hero=hero_photo(),
                hero_caption="Water covers Front Street in the lower harbor district on Monday "
                "morning after a storm surge pushed seawater over the bulkhead.",
                hero_credit="Jonah Reyes/Gullhaven Gazette",
                body=paragraphs(rng, 17, 41),  # about 700 words
            )
        )
        article.tags.add("storm", "harbor", "city council")
        article.save_revision().publish()
        for number in range(10):
            Comment.objects.create(
                article=article,
                name=f"Reader {number + 1}",
                body=paragraphs(rng, 1, 30)[3:-4],
                created=now + timedelta(minutes=number),
            )
        self.stdout.write(article.url)
