-- A legal hold (ordered by a court or an inquiry) keeps everything of a room from being deleted while
-- it stands. A domain administrator places and releases it with a reason; both are audit rows. The
-- foreign key has no cascade: a room under hold cannot be deleted, whatever the code deleting it
-- believes (fail-closed).
create table legal_holds (
  room_id   uuid primary key references rooms (id),
  reason    text not null check (length(reason) between 1 and 1000),
  placed_by uuid not null references users (id),
  placed_at timestamptz not null default now()
);
