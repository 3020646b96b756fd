/** The guide: "You can add up to 20 users at a time." */
export const MAX_USERS_AT_ONCE = 20;

/** The ids once each, in the order given: a person listed twice is one person. */
export const distinctIds = (ids: string[]) => [...new Set(ids.map((id) => id.toLowerCase()))];
