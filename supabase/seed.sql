-- Demo data only (applied once, on the first start of an embedded database).
--
-- Demo users: every one signs in with the password  Verkko-demo-2025
--   aino.asiantuntija@tampere.example     expert at an employment area (Tampere)
--   kalle.koordinaattori@keha.example     network coordinator at KEHA-keskus
--   liisa.lakimies@kuntaliitto.example    lawyer (legal sparring) at Kuntaliitto
--
-- encrypted_password is a bcrypt hash (cost 10) of that password, as GoTrue stores it; the ids are
-- fixed so that later demo data can refer to these people.

insert into auth.users (
  instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at
) values
  (
    '00000000-0000-0000-0000-000000000000', 'a1a1a1a1-0000-4000-8000-000000000001',
    'authenticated', 'authenticated', 'aino.asiantuntija@tampere.example',
    '$2b$10$a.3gg6bPnlT24uhLabIOnO511hR7TNIcZovxbiXJb44EDRL5UzLDu', now(),
    '{"provider":"email","providers":["email"]}', '{"full_name":"Aino Asiantuntija"}', now(), now()
  ),
  (
    '00000000-0000-0000-0000-000000000000', 'a1a1a1a1-0000-4000-8000-000000000002',
    'authenticated', 'authenticated', 'kalle.koordinaattori@keha.example',
    '$2b$10$a.3gg6bPnlT24uhLabIOnO511hR7TNIcZovxbiXJb44EDRL5UzLDu', now(),
    '{"provider":"email","providers":["email"]}', '{"full_name":"Kalle Koordinaattori"}', now(), now()
  ),
  (
    '00000000-0000-0000-0000-000000000000', 'a1a1a1a1-0000-4000-8000-000000000003',
    'authenticated', 'authenticated', 'liisa.lakimies@kuntaliitto.example',
    '$2b$10$a.3gg6bPnlT24uhLabIOnO511hR7TNIcZovxbiXJb44EDRL5UzLDu', now(),
    '{"provider":"email","providers":["email"]}', '{"full_name":"Liisa Lakimies"}', now(), now()
  );

insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
select
  users.id::text,
  users.id,
  jsonb_build_object('sub', users.id::text, 'email', users.email, 'email_verified', true),
  'email',
  now(),
  now()
from auth.users as users
where users.id in (
  'a1a1a1a1-0000-4000-8000-000000000001',
  'a1a1a1a1-0000-4000-8000-000000000002',
  'a1a1a1a1-0000-4000-8000-000000000003'
);
