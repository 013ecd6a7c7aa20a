import { createModel } from "@preact/signals";
import { api, ok } from "../api";
import { isAdmin, url } from "./app";
import { createLoader } from "./loader";

/** Administrators only: the email outbox and the suspected automated clicks for the chosen days. */
export const DeliveryModel = createModel(() => {
  const delivery = createLoader(
    () => ({ admin: isAdmin.value, from: url.query.value.from, to: url.query.value.to }),
    ({ admin, from, to }) => (admin ? ok(api.settings.delivery.$get({ query: { from, to } })) : Promise.resolve(null)),
  );
  delivery.start();
  return {
    delivery,
    setDay: (key: "from" | "to", day: string) => url.setParam(key, day),
  };
});
