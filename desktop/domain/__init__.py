"""Plain records, enums and rules of Coffee Chats: no Qt, no peewee."""
