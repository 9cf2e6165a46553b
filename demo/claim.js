// Demo only: the invitations list links here with `?org=` (the local Polar has two
// organizations); a merchant's own claim page names its organization in the script tag.
'use strict';
{
  const org = new URLSearchParams(location.search).get('org');
  if (org === 'acme' || org === 'solo') {
    const kit = (window.PolarPortal ??= {});
    if (kit.version) kit.configure({ organization: org });
    else (kit.q ??= []).push(['configure', { organization: org }]);
  }
}
