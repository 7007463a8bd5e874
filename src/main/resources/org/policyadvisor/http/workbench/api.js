// The service's JSON API, and its errors as text.

export async function api(path, body) {
  const init = body === undefined ? {} : {
    method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)
  };
  const response = await fetch(path, init);
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  if (!response.ok) {
    const error = new Error(json && json.message ? json.message : response.status + ' ' + response.statusText);
    error.problems = json && Array.isArray(json.errors) ? json.errors : [];
    throw error;
  }
  return json;
}

export function problemText(error) {
  const details = (error.problems || []).map((p) => (p.path ? p.path + ': ' : '') + p.message);
  return error.message + (details.length ? ' — ' + details.join('; ') : '');
}
