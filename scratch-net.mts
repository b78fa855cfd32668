import { PgliteDatabase } from "./server/embedded/db";
import { migrate } from "./server/embedded/migrate";
const db = await PgliteDatabase.open();
const t0 = Date.now();
try {
  await migrate(db, { seed: true });
} catch (e) { console.error("MIGRATE FAIL", (e as Error).message); await db.close(); process.exit(1); }
console.log("migrated in", Date.now() - t0);
if (!(await db.query("select to_regprocedure('private.notify(uuid,text,uuid,text,jsonb,boolean)') as p")).rows[0].p) {
  await db.exec(`create table public.stub_notes(recipient uuid, kind text, data jsonb);
  create function private.notify(recipient uuid, kind text, network uuid, link text, data jsonb, direct boolean default false) returns void language sql security definer set search_path='' as $$ insert into public.stub_notes values (recipient, kind, data) $$;
  create function private.notify_watchers(network uuid, kind text, link text, data jsonb, exclude uuid[]) returns void language sql as $$ select $$;`);
}
const users = (await db.query<{ id: string; email: string }>("select id, email from auth.users order by email")).rows;
const byEmail = (p: string) => users.find((u) => u.email.startsWith(p))!.id;
const kalle = byEmail("kalle"), aino = byEmail("aino"), ville = byEmail("ville"), sanna = byEmail("sanna");
const as = async (uid: string, sql: string, params: unknown[] = []) =>
  db.transaction({ role: "authenticated", sub: uid, aal: "aal1" } as any, (tx) => tx.query(sql, params)).then((r) => r.rows, (e) => `ERR ${e.code} ${e.message}`);
const org = (await db.query<{ home_organisation_id: string }>("select home_organisation_id from profiles where id=$1", [kalle])).rows[0].home_organisation_id;
const r1 = await as(kalle, "select public.create_network('testi-verkosto','national','Testiverkosto','Tarkoitus',$1) as id", [org]);
console.log("create", r1);
const nid = (r1 as any)[0]?.id;
console.log("aino join req", await as(aino, "select public.request_to_join($1, 'Haluan mukaan') as id", [nid]));
console.log("ville join req (guest)", await as(ville, "select public.request_to_join($1) as id", [nid]));
console.log("kalle sees requests", await as(kalle, "select user_id, status from network_join_requests"));
const req = (await db.query<{ id: string }>("select id from network_join_requests")).rows[0].id;
console.log("aino cannot decide", await as(aino, "select public.decide_join_request($1, true)", [req]));
console.log("kalle approves", await as(kalle, "select public.decide_join_request($1, true)", [req]));
console.log("count", (await db.query("select active_member_count from networks where id=$1", [nid])).rows);
console.log("aino thread", await as(aino, "insert into discussion_threads (network_id, kind, title, body_html, body_text, mentions) values ($1,'question','Kysymys','<p>Hei</p>','Hei', array[$2::uuid]) returning id, mentions", [nid, kalle]));
const th = (await db.query<{ id: string }>("select id from discussion_threads")).rows[0].id;
console.log("kalle reply", await as(kalle, "insert into discussion_replies (thread_id, body_html, body_text) values ($1,'<p>Vastaus</p>','Vastaus') returning id, network_id", [th]));
console.log("thread", (await db.query("select reply_count from discussion_threads")).rows);
console.log("ville cannot read? (signed_in network so can)", await as(ville, "select count(*) from discussion_threads"));
console.log("sanna (deactivated) reads", await as(sanna, "select count(*) from discussion_threads"));
console.log("invite ville", await as(kalle, "select public.invite_to_network($1, 'ville.toimittaja@ictpalvelu.example') as id", [nid]));
console.log("meeting", await as(kalle, "insert into meetings (network_id,title,starts_at,ends_at,capacity) values ($1,'Kokous',now()+interval '1 day', now()+interval '1 day 2 hours', 1) returning id", [nid]));
const mid = (await db.query<{ id: string }>("select id from meetings")).rows[0].id;
console.log("reg kalle", await as(kalle, "select public.register_for_meeting($1)", [mid]));
console.log("reg aino", await as(aino, "select public.register_for_meeting($1)", [mid]));
console.log("cancel kalle", await as(kalle, "select public.cancel_meeting_registration($1)", [mid]));
console.log("regs", (await db.query("select user_id=$1 as is_aino, status from meeting_registrations", [aino])).rows);
console.log("task", await as(aino, "insert into tasks (network_id,title,owner_id,due_date) values ($1,'Tehtävä',$2,current_date-1) returning id,status", [nid, kalle]));
console.log("task done", await as(kalle, "update tasks set status='done' returning status, completed_at is not null as c"));
console.log("audit", (await db.query("select action from audit_log where action like 'network.%'")).rows);
console.log("reminders", (await db.query("select public.send_network_review_reminders(current_date + 400) as n")).rows);
await db.close();
