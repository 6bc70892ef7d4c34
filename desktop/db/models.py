"""peewee models over the tables that the migrations create.

The tables are made by SQL in the migrations, never by `create_tables`, so a model can only
describe what a migration made. `open_database` binds these models to the open file.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from peewee import (
    BooleanField,
    CharField,
    CompositeKey,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)


def new_uid() -> str:
    return uuid.uuid4().hex


def now() -> datetime:
    return datetime.now().replace(microsecond=0)


class BaseModel(Model):
    class Meta:
        database = None
        legacy_table_names = False


class Company(BaseModel):
    uid = CharField(unique=True, default=new_uid)
    name = TextField()
    name_key = TextField(unique=True)
    industry = TextField(default="")
    website = TextField(default="")
    notes = TextField(default="")
    created_at = DateTimeField(default=now)
    updated_at = DateTimeField(default=now)


class Contact(BaseModel):
    uid = CharField(unique=True, default=new_uid)
    first_name = TextField(default="")
    last_name = TextField(default="")
    role = TextField(default="")
    company = ForeignKeyField(Company, null=True, on_delete="SET NULL", backref="contacts")
    location = TextField(default="")
    linkedin_url = TextField(default="")
    linkedin_key = TextField(default="")
    source = TextField(default="other")
    referred_by = ForeignKeyField("self", null=True, on_delete="SET NULL", backref="referrals")
    research = TextField(default="")
    cadence_days = IntegerField(null=True)
    archived = BooleanField(default=False)
    connected_on = DateField(null=True)
    # Comma-separated field names the user typed by hand: later imports leave them alone.
    edited_fields = TextField(default="")
    created_at = DateTimeField(default=now)
    updated_at = DateTimeField(default=now)


class ContactEmail(BaseModel):
    contact = ForeignKeyField(Contact, on_delete="CASCADE", backref="emails")
    position = IntegerField(default=0)
    label = TextField(default="")
    value = TextField()
    value_key = TextField()


class ContactPhone(BaseModel):
    contact = ForeignKeyField(Contact, on_delete="CASCADE", backref="phones")
    position = IntegerField(default=0)
    label = TextField(default="")
    value = TextField()


class Tag(BaseModel):
    name = TextField()
    name_key = TextField(unique=True)
    cadence_days = IntegerField(null=True)


class ContactTag(BaseModel):
    contact = ForeignKeyField(Contact, on_delete="CASCADE", backref="contact_tags")
    tag = ForeignKeyField(Tag, on_delete="CASCADE", backref="contact_tags")

    class Meta:
        primary_key = CompositeKey("contact", "tag")
        without_rowid = True


class Question(BaseModel):
    uid = CharField(unique=True, default=new_uid)
    key = TextField(null=True, unique=True)
    text = TextField()
    category = TextField()
    builtin = BooleanField(default=False)
    favourite = BooleanField(default=False)
    archived = BooleanField(default=False)
    edited = BooleanField(default=False)
    position = IntegerField(default=0)
    created_at = DateTimeField(default=now)


class Chat(BaseModel):
    uid = CharField(unique=True, default=new_uid)
    contact = ForeignKeyField(Contact, on_delete="CASCADE", backref="chats")
    status = TextField(default="idea")
    scheduled_at = DateTimeField(null=True)
    minutes = IntegerField(default=30)
    time_zone = TextField(default="")
    medium = TextField(default="video")
    place = TextField(default="")
    goal = TextField(default="")
    pitch = TextField(default="")
    research = TextField(default="")
    takeaways = TextField(default="")
    request_text = TextField(default="")
    thank_you_text = TextField(default="")
    started_at = DateTimeField(null=True)
    ended_at = DateTimeField(null=True)
    thank_you_due = DateTimeField(null=True)
    thank_you_sent_at = DateTimeField(null=True)
    sequence = IntegerField(default=0)
    created_at = DateTimeField(default=now)
    updated_at = DateTimeField(default=now)


class ChatQuestion(BaseModel):
    chat = ForeignKeyField(Chat, on_delete="CASCADE", backref="questions")
    question = ForeignKeyField(Question, null=True, on_delete="SET NULL")
    position = IntegerField(default=0)
    text = TextField()
    asked = BooleanField(default=False)
    answer = TextField(default="")


class Note(BaseModel):
    uid = CharField(unique=True, default=new_uid)
    chat = ForeignKeyField(Chat, on_delete="CASCADE", backref="notes")
    at = DateTimeField(default=now)
    offset_seconds = IntegerField(null=True)
    text = TextField()
    kind = TextField(default="note")


class Insight(BaseModel):
    uid = CharField(unique=True, default=new_uid)
    chat = ForeignKeyField(Chat, null=True, on_delete="CASCADE", backref="insights")
    kind = TextField()
    text = TextField()
    done = BooleanField(default=False)
    created_at = DateTimeField(default=now)


class FollowUp(BaseModel):
    uid = CharField(unique=True, default=new_uid)
    contact = ForeignKeyField(Contact, on_delete="CASCADE", backref="follow_ups")
    chat = ForeignKeyField(Chat, null=True, on_delete="SET NULL", backref="follow_ups")
    kind = TextField()
    text = TextField(default="")
    due = DateField()
    done_at = DateTimeField(null=True)
    created_at = DateTimeField(default=now)


class Interaction(BaseModel):
    uid = CharField(unique=True, default=new_uid)
    contact = ForeignKeyField(Contact, on_delete="CASCADE", backref="interactions")
    kind = TextField()
    at = DateTimeField(default=now)
    text = TextField(default="")


class Setting(BaseModel):
    key = TextField(primary_key=True)
    value = TextField()


ALL_MODELS: list[type[BaseModel]] = [
    Company,
    Contact,
    ContactEmail,
    ContactPhone,
    Tag,
    ContactTag,
    Question,
    Chat,
    ChatQuestion,
    Note,
    Insight,
    FollowUp,
    Interaction,
    Setting,
]


# --- migration 004: career paths, job leads, insight groups, keep-in-touch snoozes -------


class CareerPath(BaseModel):
    uid = CharField(unique=True, default=new_uid)
    name = TextField()
    name_key = TextField(unique=True)
    note = TextField(default="")
    position = IntegerField(default=0)
    archived = BooleanField(default=False)
    created_at = DateTimeField(default=now)
    updated_at = DateTimeField(default=now)


class ChatCareerPath(BaseModel):
    chat = ForeignKeyField(Chat, primary_key=True, on_delete="CASCADE")
    career_path = ForeignKeyField(CareerPath, on_delete="CASCADE")


class JobLead(BaseModel):
    uid = CharField(unique=True, default=new_uid)
    company = TextField(default="")
    role = TextField(default="")
    contact = ForeignKeyField(Contact, null=True, on_delete="SET NULL")
    chat = ForeignKeyField(Chat, null=True, on_delete="SET NULL")
    insight = ForeignKeyField(Insight, null=True, unique=True, on_delete="SET NULL")
    career_path = ForeignKeyField(CareerPath, null=True, on_delete="SET NULL")
    status = TextField(default="new")
    notes = TextField(default="")
    created_at = DateTimeField(default=now)
    updated_at = DateTimeField(default=now)


class InsightGroup(BaseModel):
    kind = TextField()
    key = TextField()
    merged_into = TextField(null=True)
    done = BooleanField(default=False)
    updated_at = DateTimeField(default=now)

    class Meta:
        indexes = ((("kind", "key"), True),)


class KeepInTouchSnooze(BaseModel):
    contact = ForeignKeyField(Contact, primary_key=True, on_delete="CASCADE")
    until = DateField()


ALL_MODELS += [CareerPath, ChatCareerPath, JobLead, InsightGroup, KeepInTouchSnooze]

# A store opened before this module was imported (start-up reads Today with plain SQL) is
# bound now, so services may use the models as soon as they import them.
from desktop.db.connection import bind_latest_store  # noqa: E402

bind_latest_store()
